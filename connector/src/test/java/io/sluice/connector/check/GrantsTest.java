package io.sluice.connector.check;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrantsTest {

    @Test
    void readsGlobalPrivilegesSelectScopesAndRoles() {
        Grants grants = Grants.parse(List.of(
                "GRANT RELOAD, REPLICATION SLAVE ON *.* TO `u`@`%`",
                "GRANT SELECT (`id`, `name`), INSERT ON `shop`.`customers` TO `u`@`%`",
                "GRANT SELECT ON `crm`.* TO `u`@`%`",
                "GRANT `reader`@`%` TO `u`@`%`"));

        assertTrue(grants.global("REPLICATION SLAVE"));
        assertFalse(grants.global("REPLICATION CLIENT"));
        assertEquals(Set.of("shop.customers", "crm.*"), grants.selectScopes());
        assertTrue(grants.hasRoles());
    }

    @Test
    void allPrivilegesOnEverythingGrantsEverything() {
        Grants grants = Grants.parse(List.of("GRANT ALL PRIVILEGES ON *.* TO 'root'@'localhost' WITH GRANT OPTION",
                "GRANT PROXY ON ''@'' TO 'root'@'localhost' WITH GRANT OPTION"));

        assertTrue(grants.global("REPLICATION SLAVE"));
        assertTrue(grants.selectScopes().contains("*.*"));
        assertFalse(grants.hasRoles());
    }

    @Test
    void privilegesOnOneDatabaseAreNotGlobal() {
        assertFalse(Grants.parse(List.of("GRANT ALL PRIVILEGES ON `shop`.* TO `u`@`%`")).global("REPLICATION SLAVE"));
    }
}
