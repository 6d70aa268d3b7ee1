package dev.userpool.app.http.cognito;

import io.javalin.http.Context;
import java.util.Map;

/** One operation of the API: the request in, the response members out (or a thrown error). */
@FunctionalInterface
interface Operation {
    Map<String, Object> run(CognitoRequest request, Context ctx);
}
