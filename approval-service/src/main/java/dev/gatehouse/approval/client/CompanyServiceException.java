package dev.gatehouse.approval.client;

/** A non-2xx answer of company-service, with the problem code it gave when it gave one. */
class CompanyServiceException extends RuntimeException {

    private final int status;
    private final String code;

    CompanyServiceException(int status, String code) {
        super("company-service answered " + status + (code == null ? "" : " " + code), null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    boolean is(int expectedStatus, String expectedCode) {
        return status == expectedStatus && expectedCode.equals(code);
    }
}
