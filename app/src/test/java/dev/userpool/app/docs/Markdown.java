package dev.userpool.app.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the documentation tests need from a Markdown file, read the way GitHub renders it: the anchors
 * of its headings, its links, and its fenced code blocks with the marker {@code <!-- runnable -->}
 * on the line before the fence (for Java, {@code <!-- runnable: Type name, … -->} names what the
 * snippet is given). Not a full CommonMark parser: only what our docs use.
 */
final class Markdown {
    private static final Pattern RUNNABLE = Pattern.compile("^<!-- runnable(?::\\s*(.*?))?\\s*-->$");
    private static final Pattern FENCE = Pattern.compile("^\\s*```(.*)$");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    // [text](target) — the text may hold code spans (removed before this pattern is applied)
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    // <img src="…"> and <a href="…">, for pictures sized in HTML
    private static final Pattern HTML_LINK = Pattern.compile("<(?:img|a)\\s[^>]*?(?:src|href)=\"([^\"]+)\"");

    /**
     * A fenced block: its language (the info string's first word), whether it is marked runnable and what
     * the marker says it is given (empty when nothing), the line of its first line, and its text.
     */
    record Block(String language, boolean runnable, String given, int line, String text) {}

    /** A link target as written, and the line it is on. */
    record Link(String target, int line) {}

    private final List<Block> blocks = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final Set<String> anchors = new LinkedHashSet<>();

    Markdown(String text) {
        String[] lines = text.split("\n", -1);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher fence = FENCE.matcher(lines[i]);
            if (fence.matches()) {
                String info = fence.group(1).strip();
                Matcher marker = RUNNABLE.matcher(i > 0 ? lines[i - 1].strip() : "");
                boolean runnable = marker.matches();
                String given = runnable && marker.group(1) != null ? marker.group(1) : "";
                StringBuilder body = new StringBuilder();
                int start = i + 2;   // the first line inside the fence, counted from 1
                for (i = i + 1; i < lines.length && !FENCE.matcher(lines[i]).matches(); i++) {
                    body.append(lines[i]).append('\n');
                }
                blocks.add(new Block(info.isEmpty() ? "" : info.split("\\s+")[0], runnable, given, start, body.toString()));
                continue;
            }
            Matcher heading = HEADING.matcher(lines[i]);
            if (heading.matches()) anchors.add(unique(slug(heading.group(2)), seen));
            String outsideCode = CODE_SPAN.matcher(lines[i]).replaceAll("");
            Matcher link = LINK.matcher(outsideCode);
            while (link.find()) links.add(new Link(link.group(1), i + 1));
            Matcher html = HTML_LINK.matcher(outsideCode);
            while (html.find()) links.add(new Link(html.group(1), i + 1));
        }
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') slug.appendCodePoint(c);
            else if (c == ' ') slug.append('-');
        });
        return slug.toString();
    }

    private static String unique(String slug, Map<String, Integer> seen) {
        int n = seen.merge(slug, 1, Integer::sum) - 1;
        return n == 0 ? slug : slug + "-" + n;
    }

    List<Block> blocks() {
        return blocks;
    }

    List<Link> links() {
        return links;
    }

    Set<String> anchors() {
        return anchors;
    }
}
