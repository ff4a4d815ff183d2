/**
 * Alertmanager's notification template layer on Tocsin's Go text/template: the data model
 * ({@code .Receiver}, {@code .Alerts.Firing}, {@code .CommonLabels.SortedPairs} …), Alertmanager's
 * template functions, user template files and Tocsin's own default templates.
 */
package dev.tocsin.notifier.template;
