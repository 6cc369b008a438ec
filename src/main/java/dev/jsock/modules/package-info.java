/** One class per module: given resolved arguments and a host, decide what must change and do it, honouring check and diff modes. */
package dev.jsock.modules;
