package dev.userpool.app.http.cognito;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code DeviceName} of an auth event, from the user agent recorded with it, in the shape Cognito's
 * console shows ("Firefox 128, Linux"): the browser and its major version, then the system. A client
 * that is no browser (an SDK, curl) is named by its first product token ("aws-sdk-java 2.31"). This is
 * a label for people, not a parser: anything unrecognised is named by what it says first.
 */
final class DeviceNames {
    private record Rule(String name, Pattern pattern) {}

    // order matters: Edge and Opera also say Chrome, Chrome also says Safari
    private static final List<Rule> BROWSERS = List.of(
            new Rule("Edge", Pattern.compile("Edg(?:e|A|iOS)?/(\\d+)")),
            new Rule("Opera", Pattern.compile("OPR/(\\d+)")),
            new Rule("Firefox", Pattern.compile("(?:Firefox|FxiOS)/(\\d+)")),
            new Rule("Chrome", Pattern.compile("(?:Chrome|CriOS)/(\\d+)")),
            new Rule("Safari", Pattern.compile("Version/(\\d+)[^ ]* (?:Mobile/\\S+ )?Safari/")));
    private static final List<Rule> SYSTEMS = List.of(
            new Rule("Android", Pattern.compile("Android")),
            new Rule("iOS", Pattern.compile("iPhone|iPad|iPod")),
            new Rule("Windows", Pattern.compile("Windows")),
            new Rule("Mac OS X", Pattern.compile("Mac OS X|Macintosh")),
            new Rule("Chrome OS", Pattern.compile("CrOS")),
            new Rule("Linux", Pattern.compile("Linux")));
    private static final Pattern PRODUCT = Pattern.compile("([^/\\s]+)(?:/(\\d+(?:\\.\\d+)?))?");

    private DeviceNames() {}

    static Optional<String> of(Optional<String> userAgent) {
        return userAgent.map(String::strip).filter(a -> !a.isEmpty()).map(DeviceNames::name);
    }

    private static String name(String agent) {
        Optional<String> system = SYSTEMS.stream().filter(r -> r.pattern().matcher(agent).find()).map(Rule::name).findFirst();
        for (Rule browser : BROWSERS) {
            Matcher m = browser.pattern().matcher(agent);
            if (m.find()) return browser.name() + " " + m.group(1) + system.map(s -> ", " + s).orElse("");
        }
        Matcher product = PRODUCT.matcher(agent);
        String first = product.lookingAt()
                ? product.group(1) + (product.group(2) == null ? "" : " " + product.group(2))
                : agent;
        return first.length() > 64 ? first.substring(0, 64) : first;
    }
}
