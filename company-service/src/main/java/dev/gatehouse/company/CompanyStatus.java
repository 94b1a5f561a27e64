package dev.gatehouse.company;

import java.util.EnumSet;
import java.util.Set;

/** The life of a company. A new company waits for its phone to be verified; DEACTIVATED is final. */
public enum CompanyStatus {
    PENDING_VERIFICATION,
    ACTIVE,
    SUSPENDED,
    DEACTIVATED;

    /** Where an operator may move a company from this status. */
    public Set<CompanyStatus> operatorTransitions() {
        return switch (this) {
            case PENDING_VERIFICATION -> EnumSet.of(ACTIVE, SUSPENDED, DEACTIVATED);
            case ACTIVE -> EnumSet.of(SUSPENDED, DEACTIVATED);
            case SUSPENDED -> EnumSet.of(ACTIVE, DEACTIVATED);
            case DEACTIVATED -> EnumSet.noneOf(CompanyStatus.class);
        };
    }

    public boolean canMoveTo(CompanyStatus next) {
        return operatorTransitions().contains(next);
    }
}
