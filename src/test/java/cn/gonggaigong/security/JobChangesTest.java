package cn.gonggaigong.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which requests change a job, and so are left to the administrators, on both of Camunda's REST APIs. */
class JobChangesTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "PUT,    /engine-rest/job/j1/duedate,                                true",
            "POST,   /engine-rest/job/j1/execute,                                true",
            "PUT,    /engine-rest/job/j1/retries,                                true",
            "PUT,    /engine-rest/job/j1/suspended,                              true",
            "POST,   /engine-rest/job/retries,                                   true",
            "DELETE, /engine-rest/job/j1,                                        true",
            "POST,   /camunda/api/engine/engine/default/job/j1/execute,          true",
            "PUT,    /camunda/api/engine/engine/default/job/j1/duedate,          true",
            "GET,    /engine-rest/job,                                           false",
            "GET,    /engine-rest/job/j1,                                        false",
            "POST,   /engine-rest/job,                                           false",
            "POST,   /engine-rest/job/count,                                     false",
            "POST,   /camunda/api/engine/engine/default/job/count,               false",
            "POST,   /engine-rest/task/t1/complete,                              false",
            "POST,   /engine-rest/job-definition/d1/retries,                     false"})
    void onlyChangesToJobsAreMatched(String method, String path, boolean change) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        assertThat(SecurityConfiguration.JOB_CHANGES.matches(request)).isEqualTo(change);
    }
}
