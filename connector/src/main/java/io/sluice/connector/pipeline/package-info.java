/**
 * Moves row changes from the reader to the sink and positions from the sink's acknowledgements to the
 * checkpoint store, with bounded memory between every stage.
 */
package io.sluice.connector.pipeline;
