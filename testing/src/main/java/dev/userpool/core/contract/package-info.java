/**
 * One abstract contract test per out-port: the behaviour every adapter of that port must show. Each
 * adapter module runs the same contract with a small subclass that supplies the adapter and the
 * hooks that reach its edges (how to read a sent code, how to "click" a link). These classes use only
 * the core's types, JUnit and AssertJ, so other adapter modules can run them unchanged.
 */
package dev.userpool.core.contract;
