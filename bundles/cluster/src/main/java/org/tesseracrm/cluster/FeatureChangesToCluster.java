package org.tesseracrm.cluster;

import org.apache.karaf.cellar.core.Group;
import org.apache.karaf.cellar.core.GroupManager;
import org.apache.karaf.cellar.features.management.CellarFeaturesMBean;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureEvent;
import org.apache.karaf.features.FeaturesListener;
import org.apache.karaf.features.RepositoryEvent;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells this node's cluster groups about a feature installed or removed here (feature:install,
 * feature:uninstall, a KAR), so that every node of the group does the same; which features travel is
 * the groups' whitelist (etc/org.apache.karaf.cellar.groups.cfg: Tessera's).
 * <p>
 * Cellar has a listener for this ({@code feature.listener}), but it writes its cluster state to
 * Hazelcast on Karaf's feature thread without its own class loader: on Karaf 4.4 that fails with a
 * ClassNotFoundException, the change never leaves the node and feature:install reports the error.
 * Cellar's management service does the same job with its class loader set, so this listener uses it.
 */
@Component(service = FeaturesListener.class)
public class FeatureChangesToCluster implements FeaturesListener {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureChangesToCluster.class);

    @Reference
    private CellarFeaturesMBean cluster;
    @Reference
    private GroupManager groups;

    @Override
    public void featureEvent(FeatureEvent event) {
        if (event.isReplay()) {
            return; // the features installed before this listener came: no change
        }
        Feature feature = event.getFeature();
        boolean installed = event.getType() == FeatureEvent.EventType.FeatureInstalled;
        for (Group group : groups.listLocalGroups()) {
            try {
                if (installed) {
                    cluster.installFeature(group.getName(), feature.getName(), feature.getVersion());
                } else {
                    cluster.uninstallFeature(group.getName(), feature.getName(), feature.getVersion());
                }
                LOG.info("Feature {} {} on every node of cluster group {}", feature.getId(), installed ? "installed" : "removed",
                        group.getName());
            } catch (IllegalArgumentException notForTheGroup) {
                // not on the group's whitelist (Karaf's own features, tessera-cluster), or unknown to it
                LOG.debug("Feature {} stays on this node: {}", feature.getId(), notForTheGroup.getMessage());
            } catch (Exception e) {
                LOG.warn("Feature {} was {} here but the other nodes of cluster group {} were not told", feature.getId(),
                        installed ? "installed" : "removed", group.getName(), e);
            }
        }
    }

    @Override
    public void repositoryEvent(RepositoryEvent event) {
        // Tessera's features come with the distribution: every node has the same repositories.
    }
}
