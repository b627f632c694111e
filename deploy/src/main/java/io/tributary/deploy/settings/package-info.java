/**
 * What a deployment is made of, as the operator writes it (a JSON file named by the CDK context key
 * {@code settings}): the source, the lake, the service's size and scaling, the datasets and their freshness SLAs.
 * Every value is checked when the settings are read, and a bad one fails the synthesis with a message that names it.
 */
package io.tributary.deploy.settings;
