/** Java representations of the Go values that templates see: maps, slices, structs, times. */
package dev.tocsin.template.value;
