/** The daemon's configuration file, {@code tocsin.yml}: its model and its loader. */
package dev.tocsin.engine.config;
