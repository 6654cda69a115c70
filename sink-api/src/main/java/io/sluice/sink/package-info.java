/** The sink contract: how the core hands events to a broker and learns what the broker acknowledged. */
package io.sluice.sink;
