package dev.afterimage.spend;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** X's billable use on one UTC day. Only {@link XSpendMeter} changes it. */
@Entity
@Table(name = "x_spend_day")
public class XSpendDay extends PanacheEntityBase {

    @Id
    @Column(name = "spend_day")
    public LocalDate spendDay;

    @Column(nullable = false)
    public long requests;

    @Column(name = "posts_read", nullable = false)
    public long postsRead;

    @Column(nullable = false)
    public long events;
}
