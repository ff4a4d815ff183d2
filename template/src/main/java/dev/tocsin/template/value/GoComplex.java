package dev.tocsin.template.value;

/**
 * Go's {@code complex128}, which only arises from imaginary constants such as {@code 1i} in a
 * template.
 *
 * @param real the real part
 * @param imag the imaginary part
 */
public record GoComplex(double real, double imag) {}
