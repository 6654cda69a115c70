/** The checkpoint store contract: where the core keeps the position it may resume from. */
package io.sluice.checkpoint;
