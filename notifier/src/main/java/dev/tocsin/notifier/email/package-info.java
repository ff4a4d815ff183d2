/** The email receiver: Alertmanager's {@code email_configs} delivered over SMTP with Jakarta Mail (Angus). */
package dev.tocsin.notifier.email;
