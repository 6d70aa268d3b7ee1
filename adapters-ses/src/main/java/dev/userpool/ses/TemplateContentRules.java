package dev.userpool.ses;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What SES accepts as the content of a custom verification email template, checked before SES is
 * asked, so a bad template stops start-up with a message that names the problem instead of failing
 * every sign-up later. The rules are SES's own (Amazon SES Developer Guide, "Custom verification email
 * frequently asked questions", Q5): under 10 MB, only the tags and attributes listed there, and no
 * comments. There is no {@code <a>}: SES appends the verification link itself.
 */
final class TemplateContentRules {
    /** "Custom verification email templates can't exceed 10 MB in size." */
    static final long MAX_CONTENT_BYTES = 10L * 1024 * 1024;

    private static final Set<String> COMMON = Set.of("class", "id", "style", "title");
    private static final Map<String, Set<String>> ALLOWED = allowedTags();

    private TemplateContentRules() {}

    /** The first thing SES would refuse in {@code html}, in words; empty when SES accepts it. */
    static Optional<String> problemWith(String html) {
        long bytes = html.getBytes(StandardCharsets.UTF_8).length;
        if (bytes >= MAX_CONTENT_BYTES) {
            return Optional.of("is " + bytes + " bytes; SES accepts custom verification templates under 10 MB");
        }
        int i = 0;
        while ((i = html.indexOf('<', i)) >= 0) {
            if (html.startsWith("<!--", i)) {
                return Optional.of("has an HTML comment (<!-- … -->), which SES does not allow in custom verification emails");
            }
            if (i + 1 >= html.length()) break;
            char next = html.charAt(i + 1);
            if (next == '!' || next == '?') {
                return Optional.of("has a '<" + next + "…>' declaration (such as <!DOCTYPE html>), which SES does not allow"
                        + " in custom verification emails");
            }
            boolean closing = next == '/';
            int nameStart = closing ? i + 2 : i + 1;
            if (nameStart >= html.length() || !Character.isLetter(html.charAt(nameStart))) {
                i++;   // a lone '<' in text, not a tag
                continue;
            }
            int end = tagEnd(html, nameStart);
            if (end < 0) return Optional.of("has a tag that is never closed with '>' (at character " + i + ")");
            Optional<String> problem = checkTag(html.substring(nameStart, end), closing);
            if (problem.isPresent()) return problem;
            i = end + 1;
        }
        return Optional.empty();
    }

    private static Optional<String> checkTag(String inside, boolean closing) {
        int n = 0;
        while (n < inside.length() && (Character.isLetterOrDigit(inside.charAt(n)) || inside.charAt(n) == '-')) n++;
        String tag = inside.substring(0, n).toLowerCase(Locale.ROOT);
        if (tag.equals("a")) {
            return Optional.of("uses <a>: SES adds the verification link itself and does not allow links in the template");
        }
        Set<String> attributes = ALLOWED.get(tag);
        if (attributes == null) {
            return Optional.of("uses <" + tag + ">, a tag SES does not allow in custom verification emails");
        }
        if (closing) return Optional.empty();
        int i = n;
        while (i < inside.length()) {
            char c = inside.charAt(i);
            if (Character.isWhitespace(c) || c == '/') {
                i++;
                continue;
            }
            int start = i;
            while (i < inside.length() && !Character.isWhitespace(inside.charAt(i)) && "=/>".indexOf(inside.charAt(i)) < 0) i++;
            String attribute = inside.substring(start, i).toLowerCase(Locale.ROOT);
            if (!attributes.contains(attribute)) {
                return Optional.of("gives <" + tag + "> the attribute '" + attribute + "', which SES does not allow on that tag"
                        + " (allowed: " + String.join(", ", attributes.stream().sorted().toList()) + ")");
            }
            while (i < inside.length() && Character.isWhitespace(inside.charAt(i))) i++;
            if (i < inside.length() && inside.charAt(i) == '=') {
                i++;
                while (i < inside.length() && Character.isWhitespace(inside.charAt(i))) i++;
                i = valueEnd(inside, i);
            }
        }
        return Optional.empty();
    }

    /** The index of the '>' that ends the tag starting at {@code from}, skipping quoted values; -1 if none. */
    private static int tagEnd(String html, int from) {
        char quote = 0;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            } else if (c == '<') {
                return -1;
            }
        }
        return -1;
    }

    private static int valueEnd(String inside, int i) {
        if (i >= inside.length()) return i;
        char quote = inside.charAt(i);
        if (quote == '"' || quote == '\'') {
            int close = inside.indexOf(quote, i + 1);
            return close < 0 ? inside.length() : close + 1;
        }
        while (i < inside.length() && !Character.isWhitespace(inside.charAt(i))) i++;
        return i;
    }

    private static Map<String, Set<String>> allowedTags() {
        Map<String, Set<String>> tags = new HashMap<>();
        for (String tag : ("abbr acronym address area b bdo big body br button caption center cite code dd del dfn dir div"
                + " dl dt em fieldset font form h1 h2 h3 h4 h5 h6 head hr html i input ins kbd label legend li map menu"
                + " optgroup option p pre s samp select small span strike strong sub sup tbody textarea tfoot thead tr tt"
                + " u var").split(" ")) {
            tags.put(tag, COMMON);
        }
        tags.put("blockquote", with("cite"));
        tags.put("q", with("cite"));
        tags.put("col", with("span", "width"));
        tags.put("colgroup", with("span", "width"));
        tags.put("img", with("align", "alt", "height", "src", "width"));
        tags.put("ol", with("start", "type"));
        tags.put("ul", with("type"));
        tags.put("table", with("summary", "width"));
        tags.put("td", with("abbr", "axis", "colspan", "rowspan", "width"));
        tags.put("th", with("abbr", "axis", "colspan", "rowspan", "scope", "width"));
        return Map.copyOf(tags);
    }

    private static Set<String> with(String... extra) {
        java.util.HashSet<String> all = new java.util.HashSet<>(COMMON);
        all.addAll(Set.of(extra));
        return Set.copyOf(all);
    }
}
