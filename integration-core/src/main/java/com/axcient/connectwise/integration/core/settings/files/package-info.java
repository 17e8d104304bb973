/**
 * Settings files: export of the PSA settings and the product's sections to a versioned JSON
 * document (the private key left out, or encrypted with a passphrase), and an import that checks
 * the whole document before anything is applied. Start at {@link
 * com.axcient.connectwise.integration.core.settings.files.SettingsFiles}.
 */
package com.axcient.connectwise.integration.core.settings.files;
