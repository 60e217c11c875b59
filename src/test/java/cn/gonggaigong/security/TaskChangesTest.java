package cn.gonggaigong.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Which requests change a task other than by working on it, or a user other than one's own password, and so are left
 * to the administrators, on both of Camunda's REST APIs.
 */
class TaskChangesTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "POST,   /engine-rest/task/t1/variables,                                  true",
            "PUT,    /engine-rest/task/t1/variables/projectId,                        true",
            "DELETE, /engine-rest/task/t1/variables/projectId,                        true",
            "POST,   /engine-rest/task/t1/localVariables,                             true",
            "PUT,    /engine-rest/task/t1/localVariables/x,                           true",
            "POST,   /engine-rest/task/t1/variables/file/data,                        true",
            "PUT,    /engine-rest/task/t1,                                            true",
            "DELETE, /engine-rest/task/t1,                                            true",
            "POST,   /engine-rest/task/t1/assignee,                                   true",
            "POST,   /engine-rest/task/t1/delegate,                                   true",
            "POST,   /engine-rest/task/t1/identity-links,                             true",
            "POST,   /engine-rest/task/t1/identity-links/delete,                      true",
            "POST,   /engine-rest/task/t1/bpmnError,                                  true",
            "POST,   /engine-rest/task/t1/bpmnEscalation,                             true",
            "POST,   /engine-rest/task/create,                                        true",
            "POST,   /engine-rest/task/t1/attachment/create,                          true",
            "DELETE, /engine-rest/task/t1/attachment/a1,                              true",
            "PUT,    /camunda/api/engine/engine/default/task/t1,                      true",
            "POST,   /camunda/api/engine/engine/default/task/t1/variables,            true",
            "POST,   /camunda/api/engine/engine/default/task/t1/assignee,             true",
            "POST,   /engine-rest/task/t1/claim,                                      false",
            "POST,   /engine-rest/task/t1/unclaim,                                    false",
            "POST,   /engine-rest/task/t1/complete,                                   false",
            "POST,   /engine-rest/task/t1/submit-form,                                false",
            "POST,   /engine-rest/task/t1/resolve,                                    false",
            "POST,   /engine-rest/task/t1/comment/create,                             false",
            "POST,   /camunda/api/engine/engine/default/task/t1/submit-form,          false",
            "POST,   /camunda/api/engine/engine/default/task/t1/claim,                false",
            "POST,   /engine-rest/task,                                               false",
            "POST,   /engine-rest/task/count,                                         false",
            "POST,   /camunda/api/engine/engine/default/task/count,                   false",
            "GET,    /engine-rest/task/t1/variables,                                  false",
            "GET,    /engine-rest/task/t1/form-variables,                             false",
            "GET,    /engine-rest/task/t1,                                            false",
            "POST,   /engine-rest/process-instance/p1/variables,                      false",
            "POST,   /api/tasks/t1/complete,                                          false"})
    void onlyChangesOtherThanWorkAreMatched(String method, String path, boolean change) {
        assertThat(SecurityConfiguration.TASK_CHANGES.matches(request(method, path))).isEqualTo(change);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "PUT,    /engine-rest/user/zhanlong1/profile,                             true",
            "DELETE, /engine-rest/user/zhanlong1,                                     true",
            "POST,   /engine-rest/user/create,                                        true",
            "PUT,    /camunda/api/engine/engine/default/user/zhanlong1/profile,       true",
            "PUT,    /engine-rest/user/zhanlong1/credentials,                         false",
            "PUT,    /camunda/api/engine/engine/default/user/zhanlong1/credentials,   false",
            "GET,    /engine-rest/user/zhanlong1/profile,                             false",
            "GET,    /engine-rest/user,                                               false",
            "POST,   /engine-rest/task/t1/complete,                                   false"})
    void changesToUsersButOnesPasswordAreMatched(String method, String path, boolean change) {
        assertThat(SecurityConfiguration.USER_CHANGES.matches(request(method, path))).isEqualTo(change);
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        return request;
    }
}
