/**
 * Data sets for the real networks: the handwritten digits bundled as a resource (UCI optdigits, CC BY 4.0),
 * seeded stratified splits, and the records every model reads.
 */
package io.symsweep.data;
