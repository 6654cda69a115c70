/** The change event a sink receives: immutable, already encoded, free of broker concepts. */
package io.sluice.event;
