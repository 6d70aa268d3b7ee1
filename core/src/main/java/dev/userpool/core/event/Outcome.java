package dev.userpool.core.event;

public enum Outcome { SUCCESS, FAILURE }
