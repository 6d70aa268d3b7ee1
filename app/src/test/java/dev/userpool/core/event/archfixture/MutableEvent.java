package dev.userpool.core.event.archfixture;

/** Deliberately breaks the rule that events are records. */
public class MutableEvent {
    public String type;
}
