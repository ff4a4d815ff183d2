/** The function sets of Prometheus alert templates and Loki's line and label templates. */
package dev.tocsin.template.funcs;
