package dev.userpool.app.http.pages;

import com.samskivert.mustache.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The Mustache templates of a classpath folder, rendered with every value HTML-escaped (the compiler's
 * default, and no template may opt out: {@code PageTemplatesTest} refuses triple braces). Strict: a
 * missing value or section name is an error, never silently blank, so a typo in the navigation fails the
 * tests rather than showing a visitor a page without it. A template names its layout with
 * {@code {{<layout}}}, loaded from the same folder.
 */
final class PageTemplates {
    private final String folder;

    /** @param folder where the templates are on the classpath, e.g. {@code "/pages/"}; NAME is {@code NAME.mustache} there */
    PageTemplates(String folder) {
        this.folder = folder;
    }

    /** {@code name}'s template rendered with {@code values}; every value is HTML-escaped. */
    String render(String name, Map<String, ?> values) {
        // the compiler is made here, not held: pages render once each, and the engine stays unloaded until then
        Mustache.Compiler compiler = Mustache.compiler().strictSections(true).withLoader(this::open);
        try (Reader template = open(name)) {
            return compiler.compile(template).execute(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reader open(String name) {
        String path = folder + name + ".mustache";
        InputStream in = PageTemplates.class.getResourceAsStream(path);
        if (in == null) throw new IllegalArgumentException("No template " + path + " on the classpath");
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
