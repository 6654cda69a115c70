/** Which databases, tables and columns are captured. */
package io.sluice.connector.filter;
