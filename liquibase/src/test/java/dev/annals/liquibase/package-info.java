/** Build-time guards of the changelogs: released changesets never change. */
package dev.annals.liquibase;
