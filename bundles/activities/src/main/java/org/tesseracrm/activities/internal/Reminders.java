package org.tesseracrm.activities.internal;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.api.spi.Notifier;

/**
 * Gives each due reminder once, to the activity's assignee and the users who attend it, as a notification: each node looks for
 * due reminders every few seconds and claims one with a conditional update of its row, so with
 * several servers on one database a reminder still fires once (and the notification's event key
 * holds it to one even if a claim were repeated).
 */
@Component(immediate = true, configurationPid = "org.tesseracrm.activities.reminders", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = Reminders.Config.class)
public class Reminders {
    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

    @ObjectClassDefinition(name = "Tessera activity reminders")
    public @interface Config {
        @AttributeDefinition(description = "Seconds between two looks for due reminders")
        int pollSeconds() default 10;
    }

    private final ActivityServiceImpl activities;
    private final Notifier notifier;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tessera-reminders");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public Reminders(@Reference ActivityServiceImpl activities, @Reference Notifier notifier, Config config) {
        this.activities = activities;
        this.notifier = notifier;
        int every = Math.max(1, config.pollSeconds());
        timer.scheduleWithFixedDelay(this::remind, every, every, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdown(); // not interrupted: an interrupted read closes H2's database file
    }

    void remind() {
        try {
            for (ActivityEntity a : activities.dueReminders(Instant.now(), 200)) {
                if (activities.claimReminder(a.getId(), a.remindAt)) {
                    String title = a.getNumber() + " " + a.subject;
                    String when = a.scheduledAt == null ? null : a.scheduledAt.toString();
                    String event = "reminder:" + a.getId() + ":" + a.remindAt;
                    if (a.assignedTo != null) {
                        notifier.notify(a.assignedTo, "REMINDER", null, "activities", a.getId(), title, when, event);
                    }
                    for (String attendee : Attendees.users(activities.attendeesOf(a.getId()))) {
                        if (!attendee.equals(a.assignedTo)) {
                            notifier.notify(attendee, "REMINDER", null, "activities", a.getId(), title, when, event + ":" + attendee);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Reminders not given this time; tried again shortly: {}", e.toString());
        }
    }
}
