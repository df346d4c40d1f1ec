//! Kindred: a moderated patient-support forum server.

pub mod api;
pub mod audit;
pub mod auth;
pub mod cli;
pub mod clinicians;
pub mod config;
pub mod content;
pub mod db;
pub mod demo;
pub mod demo_scale;
pub mod display;
pub mod domain;
pub mod error;
pub mod forum;
pub mod moderation;
pub mod notify;
pub mod phi;
pub mod posting;
pub mod privacy;
pub mod random;
pub mod safety;
pub mod search;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod web;
