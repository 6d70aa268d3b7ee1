package software.amazon.awssdk.archfixture;

/** A stand-in living in the AWS SDK's package, so the SDK rules can be proven without the SDK on the class path. */
public class StandInSdkType {}
