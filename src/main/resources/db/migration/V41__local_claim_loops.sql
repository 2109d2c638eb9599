-- Due polls are claimed by a loop in each instance, not by clustered Quartz jobs, which Quartz gave to one instance.
DELETE FROM qrtz_fired_triggers WHERE trigger_group = 'poll-claimers';
DELETE FROM qrtz_simple_triggers WHERE trigger_group = 'poll-claimers';
DELETE FROM qrtz_triggers WHERE trigger_group = 'poll-claimers';
DELETE FROM qrtz_job_details WHERE job_group = 'poll-claimers';
