package cn.gonggaigong.security;

import org.springframework.http.HttpHeaders;

/** The authorization matrix on the embedded default: the realm's users in Camunda's identity, HTTP Basic. */
class EmbeddedAuthorizationMatrixIT extends AuthorizationMatrixContract {

    @Override
    protected HttpHeaders authenticate(String username) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(username, "demo");
        return headers;
    }
}
