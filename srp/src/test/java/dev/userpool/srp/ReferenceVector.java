package dev.userpool.srp;

/**
 * One sign-in computed by the official JavaScript client, amazon-cognito-identity-js 6.3.21 (run
 * through adapters-cognito/src/test/srp-reference/srp-reference.js), against a server whose secret
 * {@code b} is {@link #SMALL_B}: its inputs, and the {@code x}, HKDF key and signature it produced.
 */
final class ReferenceVector {
    static final String POOL_NAME = "Userpool1";
    static final String USER_ID = "5b1f0c2e-7c7a-4d3e-9a51-0c5d2f7e8a90";
    static final String PASSWORD = "Giddy-Up-Unicorn-7";
    static final String SALT = "00a1b2c3d4e5f60718293a4b5c6d7e8f";
    static final String SMALL_A = "3c5e7a9b1d2f4068a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071829";
    static final String SMALL_B = "7d3f1c9b2a4e6f8051b3d5e7f90a1c3e5f7091b3d5e7f9a1c3e5f7092b4d6f8a1c3e5f7092b4d6f8a0c2e4f6081a3c5e7092b4d6f8a0c2e4f6081a3c5e7f9a1b3d5c7e9f0a2b4c6d8e0f1a3b5c7d9e1f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f3a5b7c9d1e3f4a6b8c0d2e4f5a7b9c1d3e5f6a8b0c2d4e6f7a9b1c3d5e7f8a0b2c4d6e8f9a1b3c5d7e9";
    static final String SECRET_BLOCK = "c2VjcmV0LWJsb2NrLWZyb20tdGhlLXNlcnZlcg==";
    static final String TIMESTAMP = "Wed Apr 5 22:42:34 UTC 2017";

    static final String X = "9b8303041a6c97a7a856098ace3a3bc12fbd852628fd5a63e43a8955695f7fe4";
    static final String KEY = "0eb7172d8084982f5a05e22a1ffa8c4f";
    static final String SIGNATURE = "bTw/3E0d3jXIYPEtX/eY6+H3rXI5rHWN82PhmQvpEOk=";

    private ReferenceVector() {}
}
