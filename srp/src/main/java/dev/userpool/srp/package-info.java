/**
 * Cognito's SRP-6a (DESIGN §6) as plain arithmetic, shared by both sides of the protocol: the client
 * in {@code adapters-cognito} ({@code dev.userpool.cognito.srp}) and the server side of the embedded
 * pool's Cognito-compatible endpoint. JDK only, no userpool type: callers translate failures into
 * their own errors.
 *
 * <ul>
 *   <li>{@link dev.userpool.srp.SrpGroup}: N, g, k and PAD;</li>
 *   <li>{@link dev.userpool.srp.Sha256}: the hashes;</li>
 *   <li>{@link dev.userpool.srp.SrpPrivateKey}: {@code x} from pool name, USER_ID_FOR_SRP, password and salt;</li>
 *   <li>{@link dev.userpool.srp.PasswordClaimSignature}: the HKDF key and PASSWORD_CLAIM_SIGNATURE;</li>
 *   <li>{@link dev.userpool.srp.CognitoTimestamp}: the exact TIMESTAMP text, written and read;</li>
 *   <li>{@link dev.userpool.srp.SrpVerifier} and {@link dev.userpool.srp.SrpServerSession}: the server
 *       side, what it stores instead of a password and one sign-in's check of the client's proof.</li>
 * </ul>
 */
package dev.userpool.srp;
