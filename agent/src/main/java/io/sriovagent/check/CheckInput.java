package io.sriovagent.check;

import io.sriovagent.host.HostSnapshot;
import java.util.Map;
import java.util.Set;

/**
 * Everything a check may look at: the two probes around the traffic window and what the evaluator derived.
 *
 * @param previous       the probe before the window, or null when there is none yet (first probe)
 * @param current        the latest probe
 * @param expectedNics   synthetic NICs that must have a VF
 * @param atLeastOneVf   true when no NIC is expected by name but the host as a whole must show a VF ({@code auto}
 *                       mode before any VF has been seen)
 * @param listedButAbsent interfaces named by {@code --expect-vf} that are not synthetic NICs on this host
 * @param traffic        per synthetic NIC, the traffic of the window (absent when either probe lacks counters)
 * @param thresholds     datapath thresholds
 */
public record CheckInput(
        HostSnapshot previous,
        HostSnapshot current,
        Set<String> expectedNics,
        boolean atLeastOneVf,
        Set<String> listedButAbsent,
        Map<String, TrafficWindow> traffic,
        DatapathThresholds thresholds) {

    public CheckInput {
        expectedNics = Set.copyOf(expectedNics);
        listedButAbsent = Set.copyOf(listedButAbsent);
        traffic = Map.copyOf(traffic);
    }
}
