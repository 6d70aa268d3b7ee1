package dev.userpool.embedded.archfixture;

/** Deliberately breaks the rule that the AWS SDK stays in the AWS adapters. */
public class AdapterUsingAwsSdk {
    software.amazon.awssdk.archfixture.StandInSdkType sdk;
}
