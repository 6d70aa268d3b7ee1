package dev.userpool.app.http.cognito.archfixture;

/** Deliberately breaks the rule that the HTTP adapter reaches accounts only through the core's use cases. */
public class CognitoApiUsingEmbedded {
    dev.userpool.embedded.SrpServer srp;
}
