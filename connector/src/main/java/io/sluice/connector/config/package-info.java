/**
 * The daemon's configuration: parsed once at start-up from HOCON into immutable records. Only this
 * package reads {@code com.typesafe.config.Config}; everything else receives records.
 */
package io.sluice.connector.config;
