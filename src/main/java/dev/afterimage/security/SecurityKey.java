package dev.afterimage.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A key the instances of a cluster share, created on first start. */
@Entity
@Table(name = "security_key")
public class SecurityKey extends PanacheEntityBase {

    @Id
    public String name;

    /** URL-safe base64. */
    @Column(nullable = false)
    public String secret;
}
