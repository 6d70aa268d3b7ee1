package dev.userpool.app.migration;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.GroupName;
import dev.userpool.core.domain.UserPoolException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which accounts (and groups, and memberships) an import has already moved, kept in a file so that a
 * run that was interrupted (killed, a lost connection) resumes where it stopped: one line per step
 * done, written and forced to disk before the next step is tried. An account's line is its address; a
 * group's and a membership's lines start with {@value #GROUP} and {@value #MEMBER} and a tab (neither
 * can start an address nor hold a tab). A line cut short by a crash (no line break) is dropped, so
 * that account is tried again, and Cognito says it exists. Accounts that failed are not written: the
 * next run tries them again.
 */
public final class ImportState implements AutoCloseable {
    private static final String FIRST_LINE = "# userpool users import: accounts done, one a line";
    static final String GROUP = "group";
    static final String MEMBER = "member";

    private final Path file;
    private final Set<String> done;
    private final FileChannel channel;

    private ImportState(Path file, Set<String> done, FileChannel channel) {
        this.file = file;
        this.done = done;
        this.channel = channel;
    }

    /** The state in {@code file}, created empty when there is none. */
    public static ImportState open(Path file) {
        Set<String> done = new HashSet<>();
        try {
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                List<String> lines = text.lines().toList();
                int complete = text.endsWith("\n") ? lines.size() : lines.size() - 1;
                for (int i = 0; i < complete; i++) {
                    String line = lines.get(i).strip();
                    if (line.isEmpty() || line.startsWith("#")) continue;
                    if (line.startsWith(GROUP + "\t") || line.startsWith(MEMBER + "\t")) {
                        done.add(line);
                        continue;
                    }
                    try {
                        done.add(new EmailAddress(line).value());
                    } catch (UserPoolException e) {
                        throw new MigrationFileException(i + 1, "in the state file " + file + ": '" + line
                                + "' is not an email address; is this the import's state file?");
                    }
                }
            }
            if (Files.exists(file)) {
                // the cut line goes, so that the next line written does not continue it
                byte[] bytes = Files.readAllBytes(file);
                int complete = bytes.length;
                while (complete > 0 && bytes[complete - 1] != '\n') complete--;
                if (complete < bytes.length) {
                    try (FileChannel cut = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        cut.truncate(complete);
                        cut.force(false);
                    }
                }
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (channel.size() == 0) write(channel, FIRST_LINE);
            return new ImportState(file, done, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the state file " + file, e);
        }
    }

    public boolean isDone(EmailAddress email) {
        return done.contains(email.value());
    }

    public boolean isDone(GroupName group) {
        return done.contains(groupLine(group));
    }

    public boolean isDone(GroupName group, EmailAddress member) {
        return done.contains(memberLine(group, member));
    }

    /** How many steps (accounts, groups, memberships) are done. */
    public int doneCount() {
        return done.size();
    }

    /** Records {@code email} as moved; on disk when this returns. */
    public void markDone(EmailAddress email) {
        record(email.value());
    }

    /** Records the group as created (or found existing) in the target; on disk when this returns. */
    public void markDone(GroupName group) {
        record(groupLine(group));
    }

    /** Records the account as put in the group; on disk when this returns. */
    public void markDone(GroupName group, EmailAddress member) {
        record(memberLine(group, member));
    }

    private void record(String line) {
        try {
            write(channel, line);
            done.add(line);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the state file " + file, e);
        }
    }

    private static String groupLine(GroupName group) {
        return GROUP + "\t" + group.value();
    }

    private static String memberLine(GroupName group, EmailAddress member) {
        return MEMBER + "\t" + group.value() + "\t" + member.value();
    }

    public Path file() {
        return file;
    }

    private static void write(FileChannel channel, String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) channel.write(bytes);
        channel.force(false);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
