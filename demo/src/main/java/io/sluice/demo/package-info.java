/** The try-it demo: Sluice on a throwaway MySQL with a sample shop schema and a gentle live workload. */
package io.sluice.demo;
