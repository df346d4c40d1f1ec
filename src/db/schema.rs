//! The database schema, written by hand to match both migration trees (`migrations/sqlite`,
//! `migrations/postgres`); a test checks it against the migrated databases.

diesel::table! {
    users (id) {
        id -> BigInt,
        username -> Text,
        email -> Nullable<Text>,
        password_hash -> Text,
        role -> Text,
        totp_secret -> Nullable<Text>,
        totp_pending_secret -> Nullable<Text>,
        totp_last_step -> Nullable<BigInt>,
        tokens_valid_after -> Timestamp,
        created_at -> Timestamp,
        clinician_specialty -> Nullable<Text>,
        email_notifications -> Bool,
        email_confirmed_at -> Nullable<Timestamp>,
        messages_enabled -> Bool,
    }
}

diesel::table! {
    clinician_applications (id) {
        id -> BigInt,
        user_id -> BigInt,
        npi -> Text,
        license_state -> Text,
        license_number -> Text,
        specialty -> Text,
        note -> Nullable<Text>,
        status -> Text,
        created_at -> Timestamp,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        reason -> Nullable<Text>,
        expires_at -> Nullable<Timestamp>,
        expiry_noticed -> Bool,
    }
}

diesel::table! {
    recovery_codes (id) {
        id -> BigInt,
        user_id -> BigInt,
        code_hash -> Text,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        family -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        user_agent -> Nullable<Text>,
        ip -> Nullable<Text>,
    }
}

diesel::table! {
    sessions (id) {
        id -> BigInt,
        user_id -> BigInt,
        token_hash -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
        user_agent -> Nullable<Text>,
        ip -> Nullable<Text>,
    }
}

diesel::table! {
    login_challenges (id) {
        id -> BigInt,
        user_id -> BigInt,
        token_hash -> Text,
        expires_at -> Timestamp,
        attempts -> Integer,
    }
}

diesel::table! {
    throttle_events (id) {
        id -> BigInt,
        kind -> Text,
        key -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        actor_id -> Nullable<BigInt>,
        actor -> Nullable<Text>,
        action -> Text,
        target -> Nullable<Text>,
        ip -> Nullable<Text>,
        reason -> Nullable<Text>,
        prev_hash -> Nullable<Text>,
        hash -> Nullable<Text>,
    }
}

diesel::joinable!(recovery_codes -> users (user_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(login_challenges -> users (user_id));

diesel::table! {
    groups (id) {
        id -> BigInt,
        slug -> Text,
        name -> Text,
        description -> Text,
        visibility -> Text,
        member_count -> BigInt,
        thread_count -> BigInt,
        post_count -> BigInt,
        last_activity_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        indexable -> Bool,
    }
}

diesel::table! {
    group_members (group_id, user_id) {
        group_id -> BigInt,
        user_id -> BigInt,
        state -> Text,
        is_moderator -> Bool,
        requested_at -> Timestamp,
        joined_at -> Nullable<Timestamp>,
    }
}

// PostgreSQL only: counters waiting to be folded into their thread and group (`db::activity`).
diesel::table! {
    activity_pending (id) {
        id -> BigInt,
        thread_id -> Nullable<BigInt>,
        group_id -> Nullable<BigInt>,
        replies -> BigInt,
        threads -> BigInt,
        posts -> BigInt,
        active_at -> Nullable<Timestamp>,
        answered -> Bool,
    }
}

diesel::table! {
    threads (id) {
        id -> BigInt,
        group_id -> BigInt,
        author_id -> Nullable<BigInt>,
        title -> Text,
        created_at -> Timestamp,
        last_activity_at -> Timestamp,
        reply_count -> BigInt,
        locked -> Bool,
        pinned -> Bool,
        clinician_answered -> Bool,
        status -> Text,
        answer_post_id -> Nullable<BigInt>,
        version -> BigInt,
    }
}

diesel::table! {
    posts (id) {
        id -> BigInt,
        thread_id -> BigInt,
        parent_id -> Nullable<BigInt>,
        author_id -> Nullable<BigInt>,
        path -> Text,
        depth -> Integer,
        body_md -> Nullable<Text>,
        body_html -> Nullable<Text>,
        status -> Text,
        created_at -> Timestamp,
        edited_at -> Nullable<Timestamp>,
        deleted_at -> Nullable<Timestamp>,
        phi -> Nullable<Text>,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        decision_reason -> Nullable<Text>,
        held_for -> Nullable<Text>,
    }
}

diesel::table! {
    flags (id) {
        id -> BigInt,
        post_id -> BigInt,
        user_id -> Nullable<BigInt>,
        reason -> Text,
        note -> Nullable<Text>,
        created_at -> Timestamp,
        resolved_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    sanctions (id) {
        id -> BigInt,
        user_id -> BigInt,
        kind -> Text,
        reason -> Text,
        until -> Nullable<Timestamp>,
        created_by -> Text,
        created_at -> Timestamp,
        lifted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    settings (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::table! {
    notifications (id) {
        id -> BigInt,
        user_id -> BigInt,
        kind -> Text,
        text -> Text,
        link -> Text,
        created_at -> Timestamp,
        read_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    post_revisions (id) {
        id -> BigInt,
        post_id -> BigInt,
        editor_id -> Nullable<BigInt>,
        body_md -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    post_crisis (post_id) {
        post_id -> BigInt,
        status -> Text,
        detected_at -> Timestamp,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    post_notes (post_id) {
        post_id -> BigInt,
        note_md -> Text,
        note_html -> Text,
        author_id -> Nullable<BigInt>,
        author_role -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    thread_watches (user_id, thread_id) {
        user_id -> BigInt,
        thread_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    group_watches (user_id, group_id) {
        user_id -> BigInt,
        group_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    post_notices (post_id, user_id) {
        post_id -> BigInt,
        user_id -> BigInt,
    }
}

diesel::table! {
    email_outbox (id) {
        id -> BigInt,
        user_id -> BigInt,
        kind -> Text,
        link -> Text,
        created_at -> Timestamp,
        attempts -> Integer,
        claimed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    email_confirmations (id) {
        id -> BigInt,
        user_id -> BigInt,
        email -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    phi_holds (id) {
        id -> BigInt,
        post_id -> BigInt,
        held_at -> Timestamp,
    }
}

diesel::joinable!(thread_watches -> threads (thread_id));
diesel::joinable!(group_watches -> groups (group_id));
diesel::joinable!(email_outbox -> users (user_id));
diesel::joinable!(email_confirmations -> users (user_id));
diesel::joinable!(group_members -> groups (group_id));
diesel::joinable!(group_members -> users (user_id));
diesel::joinable!(threads -> groups (group_id));
diesel::joinable!(threads -> users (author_id));
diesel::joinable!(posts -> threads (thread_id));
diesel::joinable!(posts -> users (author_id));
diesel::joinable!(post_revisions -> posts (post_id));
diesel::joinable!(flags -> posts (post_id));
diesel::joinable!(flags -> users (user_id));
diesel::joinable!(notifications -> users (user_id));
diesel::joinable!(sanctions -> users (user_id));
diesel::joinable!(clinician_applications -> users (user_id));
diesel::joinable!(post_crisis -> posts (post_id));
diesel::joinable!(post_notes -> posts (post_id));

diesel::table! {
    known_clients (id) {
        id -> BigInt,
        user_id -> BigInt,
        fingerprint -> Text,
        first_seen_at -> Timestamp,
        last_seen_at -> Timestamp,
    }
}

diesel::table! {
    retired_usernames (name_hash) {
        name_hash -> Text,
        retired_at -> Timestamp,
    }
}

diesel::joinable!(known_clients -> users (user_id));

diesel::table! {
    appeals (id) {
        id -> BigInt,
        user_id -> BigInt,
        post_id -> Nullable<BigInt>,
        sanction_id -> Nullable<BigInt>,
        text -> Text,
        original_by -> Text,
        status -> Text,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        reason -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    conversations (id) {
        id -> BigInt,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        last_message_at -> Timestamp,
    }
}

diesel::table! {
    conversation_members (conversation_id, user_id) {
        conversation_id -> BigInt,
        user_id -> BigInt,
        joined_at -> Timestamp,
        muted -> Bool,
    }
}

diesel::table! {
    messages (id) {
        id -> BigInt,
        conversation_id -> BigInt,
        author_id -> BigInt,
        body_md -> Text,
        body_html -> Text,
        phi_confirmed -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    message_reports (id) {
        id -> BigInt,
        message_id -> BigInt,
        reporter_id -> Nullable<BigInt>,
        reason -> Text,
        note -> Nullable<Text>,
        created_at -> Timestamp,
        resolved_at -> Nullable<Timestamp>,
        resolved_by -> Nullable<Text>,
    }
}

diesel::table! {
    blocks (user_id, blocked_id) {
        user_id -> BigInt,
        blocked_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    thread_mutes (user_id, thread_id) {
        user_id -> BigInt,
        thread_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    group_mutes (user_id, group_id) {
        user_id -> BigInt,
        group_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::joinable!(conversation_members -> conversations (conversation_id));
diesel::joinable!(conversation_members -> users (user_id));
diesel::joinable!(messages -> conversations (conversation_id));
diesel::joinable!(messages -> users (author_id));
diesel::joinable!(message_reports -> messages (message_id));

diesel::table! {
    images (id) {
        id -> BigInt,
        uploader_id -> BigInt,
        status -> Text,
        format -> Text,
        alt -> Text,
        width -> Integer,
        height -> Integer,
        data -> Binary,
        thumb_width -> Integer,
        thumb_height -> Integer,
        thumb -> Binary,
        created_at -> Timestamp,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        decision_reason -> Nullable<Text>,
    }
}

diesel::table! {
    image_uses (image_id, post_id) {
        image_id -> BigInt,
        post_id -> BigInt,
    }
}

diesel::joinable!(images -> users (uploader_id));
diesel::joinable!(image_uses -> images (image_id));
diesel::joinable!(image_uses -> posts (post_id));

diesel::table! {
    message_images (image_id, message_id) {
        image_id -> BigInt,
        message_id -> BigInt,
    }
}

diesel::joinable!(message_images -> images (image_id));
diesel::joinable!(message_images -> messages (message_id));

diesel::allow_tables_to_appear_in_same_query!(
    activity_pending,
    appeals,
    users,
    recovery_codes,
    refresh_tokens,
    sessions,
    login_challenges,
    throttle_events,
    audit_log,
    groups,
    group_members,
    threads,
    posts,
    post_revisions,
    flags,
    notifications,
    sanctions,
    settings,
    clinician_applications,
    known_clients,
    retired_usernames,
    post_crisis,
    post_notes,
    thread_watches,
    group_watches,
    post_notices,
    email_outbox,
    email_confirmations,
    phi_holds,
    conversations,
    conversation_members,
    messages,
    message_reports,
    blocks,
    thread_mutes,
    group_mutes,
    images,
    image_uses,
    message_images,
);
