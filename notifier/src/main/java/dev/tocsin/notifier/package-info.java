/** Delivery of alerts: the Alertmanager API v2 client and Tocsin's built-in routing to receivers. */
package dev.tocsin.notifier;
