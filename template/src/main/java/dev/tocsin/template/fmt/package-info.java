/** Go's {@code fmt} and {@code strconv} formatting as templates use it ({@code print}, {@code printf}). */
package dev.tocsin.template.fmt;
