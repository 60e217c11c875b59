package cn.gonggaigong.platform;

import java.util.ArrayList;
import java.util.function.Consumer;

import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * How the product's engine plugins add to every model as the engine parses it: after the engine's own parsing, for
 * each deployment and again for each version parsed into the cache at start, so that instances started before a
 * listener existed have it too. Each plugin keeps what it adds and why; this holds the registration only.
 */
public final class ParseListeners {

    private ParseListeners() {
    }

    /** Adds a listener run after the engine's own parsing of each model. */
    public static void add(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(listener);
    }

    /** Gives the task definition of every user task of every model, as it is parsed, to {@code each}. */
    public static void onEveryUserTask(ProcessEngineConfigurationImpl configuration, Consumer<TaskDefinition> each) {
        add(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    each.accept(behavior.getTaskDefinition());
                }
            }
        });
    }
}
