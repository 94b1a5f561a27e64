package dev.gatehouse.approval.rest.dto;

/** The shape of company-service's public company ids (e.g. KE-7K3M-9Q2X), checked before one goes into a URL. */
public final class CompanyIds {

    public static final String PATTERN = "^[A-Za-z0-9-]{1,30}$";
    public static final String MESSAGE = "must be a company id such as KE-7K3M-9Q2X";

    private CompanyIds() {
    }

    public static boolean valid(String companyId) {
        return companyId != null && companyId.matches(PATTERN);
    }
}
