package dev.userpool.cognito;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The contract tests a Cognito target cannot pass, each with the reason and its source, so that a
 * skipped test says why in the report. Three kinds: what AWS itself does otherwise (skipped on every
 * target), what cognito-local does not do like AWS (skipped on the emulator only), and this module's
 * own tests that can only run on one target. Names are checked against the test class, so a renamed
 * contract test cannot silently slip out of the list.
 */
final class KnownDifferences implements ExecutionCondition {
    private final Map<String, String> aws = new LinkedHashMap<>();
    private final Map<String, String> emulator = new LinkedHashMap<>();
    private final Map<String, String> emulatorOnly = new LinkedHashMap<>();
    private final Map<String, String> liveOnly = new LinkedHashMap<>();

    /** AWS itself behaves otherwise: skipped everywhere. */
    KnownDifferences aws(String test, String why) {
        aws.put(test, why);
        return this;
    }

    /** cognito-local does not do what AWS does: skipped on the emulator. */
    KnownDifferences emulator(String test, String why) {
        emulator.put(test, why);
        return this;
    }

    /** A test of what the emulator does, or that needs to make pools: runs on the emulator only. */
    KnownDifferences emulatorOnly(String test, String why) {
        emulatorOnly.put(test, why);
        return this;
    }

    /** A test of AWS behaviour the emulator lacks: runs against a real pool only. */
    KnownDifferences liveOnly(String test, String why) {
        liveOnly.put(test, why);
        return this;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty()) {
            context.getTestClass().ifPresent(this::requireKnownNames);
            return ConditionEvaluationResult.enabled("");
        }
        String name = method.get().getName();
        boolean onEmulator = CognitoTestbed.target() == CognitoTestbed.Target.EMULATOR;
        if (aws.containsKey(name)) return ConditionEvaluationResult.disabled("AWS: " + aws.get(name));
        if (onEmulator && emulator.containsKey(name)) return ConditionEvaluationResult.disabled("cognito-local: " + emulator.get(name));
        if (!onEmulator && emulatorOnly.containsKey(name)) return ConditionEvaluationResult.disabled("emulator only: " + emulatorOnly.get(name));
        if (onEmulator && liveOnly.containsKey(name)) return ConditionEvaluationResult.disabled("real pools only: " + liveOnly.get(name));
        return ConditionEvaluationResult.enabled("");
    }

    private void requireKnownNames(Class<?> testClass) {
        List<String> names = new ArrayList<>();
        for (Class<?> c = testClass; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) names.add(m.getName());
        }
        for (Map<String, String> list : List.of(aws, emulator, emulatorOnly, liveOnly)) {
            for (String test : list.keySet()) {
                if (!names.contains(test)) throw new IllegalStateException(testClass.getSimpleName() + " has no test " + test);
            }
        }
    }
}
