package cn.gonggaigong.platform;

import java.util.ArrayList;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** Sessions of our own in the engine's commands (a plugin's preInit registers them). */
public final class EngineSessions {

    private EngineSessions() {
    }

    /**
     * Opens {@code open} as the session of {@code type} in every command that asks for one. Custom factories are
     * added after Camunda's own, so one of a type Camunda has (a manager) replaces Camunda's.
     */
    public static void register(ProcessEngineConfigurationImpl configuration, Class<?> type, Supplier<? extends Session> open) {
        if (configuration.getCustomSessionFactories() == null) {
            configuration.setCustomSessionFactories(new ArrayList<>());
        }
        configuration.getCustomSessionFactories().add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return type;
            }

            @Override
            public Session openSession() {
                return open.get();
            }
        });
    }
}
