/**
 * The center's own SQLite file: schema, migrations by {@code PRAGMA user_version}, the one-transaction
 * unit of work every request runs in, and seeding from the card profiles, the catalog and the
 * departments.
 */
package org.medcard.simulator.center.store;
