package vn.pcmd.web.auth;

import vn.pcmd.core.units.Vintage;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A site account: a role bound to one administrative unit, given as a code of one vintage's boundaries (the nation is
 * {@code VN}). The account sees that unit and everything below it, nothing else.
 */
public record Account(String name, Role role, String unitCode, Vintage unitVintage, String passwordHash, Instant created) {
    public Account {
        requireNonNull(name, "name is null");
        requireNonNull(role, "role is null");
        requireNonNull(unitCode, "unitCode is null");
        requireNonNull(unitVintage, "unitVintage is null");
        requireNonNull(passwordHash, "passwordHash is null");
        requireNonNull(created, "created is null");
    }
}
